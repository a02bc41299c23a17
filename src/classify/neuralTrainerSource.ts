/**
 * brain.js's `NeuralNetwork.train` (2.0.0-beta.24, plain momentum SGD, no Adam), written out as
 * self-contained JavaScript source, for the Web Worker that trains in browsers. A worker there
 * cannot load the app's brain.js (bundlers give it no file to load), so it runs this text from
 * a Blob: no imports, no bundler helpers, nothing a bundler can rewrite. It reproduces brain.js
 * step for step, with the same Float32Array storage, so the weights are bit-for-bit those of
 * brain.js (neuralTrainer.test.ts compares the two on random networks and data).
 *
 * `trainFeedForward(initial, data, trainOptions, onProgress)` takes brain.js's JSON of the
 * initial network and returns brain.js's JSON of the trained one.
 */
export const TRAINER_SOURCE = `
function trainFeedForward(initial, data, options, onProgress) {
  var sizes = initial.sizes.slice();
  var outputLayer = sizes.length - 1;
  var activation = options.activation, alpha = initial.trainOpts.leakyReluAlpha;
  var learningRate = options.learningRate, momentum = options.momentum;
  var weights = [], biases = [], changes = [], outputs = [], deltas = [], errors = [];
  for (var layer = 0; layer <= outputLayer; layer++) {
    deltas.push(new Float32Array(sizes[layer]));
    errors.push(new Float32Array(sizes[layer]));
    outputs.push(new Float32Array(sizes[layer]));
    var w = [], c = [];
    if (layer > 0) {
      for (var node = 0; node < sizes[layer]; node++) {
        w.push(Float32Array.from(initial.layers[layer].weights[node]));
        c.push(new Float32Array(sizes[layer - 1]));
      }
    }
    weights.push(w);
    changes.push(c);
    biases.push(Float32Array.from(layer > 0 ? initial.layers[layer].biases : []));
  }
  var patterns = data.map(function (d) { return { input: Float32Array.from(d.input), output: Float32Array.from(d.output) }; });

  function activate(sum) {
    if (activation === 'sigmoid') return 1 / (1 + Math.exp(-sum));
    if (activation === 'relu') return sum < 0 ? 0 : sum;
    if (activation === 'leaky-relu') return Math.max(sum, alpha * sum);
    return Math.tanh(sum);
  }
  function derivative(output, error) {
    if (activation === 'sigmoid') return error * output * (1 - output);
    if (activation === 'relu') return output > 0 ? error : 0;
    if (activation === 'leaky-relu') return output > 0 ? error : alpha * error;
    return (1 - output * output) * error;
  }
  function run(input) {
    outputs[0] = input;
    for (var layer = 1; layer <= outputLayer; layer++) {
      var active = outputs[layer];
      for (var node = 0; node < sizes[layer]; node++) {
        var nodeWeights = weights[layer][node];
        var sum = biases[layer][node];
        for (var k = 0; k < nodeWeights.length; k++) sum += nodeWeights[k] * input[k];
        active[node] = activate(sum);
      }
      input = active;
    }
  }
  function backPropagate(target) {
    for (var layer = outputLayer; layer >= 0; layer--) {
      for (var node = 0; node < sizes[layer]; node++) {
        var output = outputs[layer][node];
        var error = 0;
        if (layer === outputLayer) error = target[node] - output;
        else for (var k = 0; k < deltas[layer + 1].length; k++) error += deltas[layer + 1][k] * weights[layer + 1][k][node];
        errors[layer][node] = error;
        deltas[layer][node] = derivative(output, error);
      }
    }
  }
  function adjustWeights() {
    for (var layer = 1; layer <= outputLayer; layer++) {
      var incoming = outputs[layer - 1];
      for (var node = 0; node < sizes[layer]; node++) {
        var delta = deltas[layer][node];
        for (var k = 0; k < incoming.length; k++) {
          var change = learningRate * delta * incoming[k] + momentum * changes[layer][node][k];
          changes[layer][node][k] = change;
          weights[layer][node][k] += change;
        }
        biases[layer][node] += learningRate * delta;
      }
    }
  }
  var iterations = 0, error = 1;
  // As brain.js: stop once the error is at most errorThresh (a NaN error, from diverged weights, does not stop it).
  while (iterations < options.iterations && !(error <= options.errorThresh)) {
    iterations++;
    var sum = 0;
    for (var i = 0; i < patterns.length; i++) {
      run(patterns[i].input);
      backPropagate(patterns[i].output);
      adjustWeights();
      var last = errors[outputLayer], squares = 0;
      for (var j = 0; j < last.length; j++) squares += last[j] * last[j];
      sum += squares / last.length;
    }
    error = sum / patterns.length;
    if (iterations % options.callbackPeriod === 0) onProgress(iterations, error);
  }
  var layers = [];
  for (var l = 0; l <= outputLayer; l++) {
    layers.push({ weights: weights[l].map(function (row) { return Array.from(row); }), biases: Array.from(biases[l]) });
  }
  var trainOpts = {};
  Object.keys(initial.trainOpts).forEach(function (key) {
    trainOpts[key] = Object.prototype.hasOwnProperty.call(options, key) ? options[key] : initial.trainOpts[key];
  });
  return {
    type: initial.type, sizes: sizes, layers: layers,
    inputLookup: initial.inputLookup, inputLookupLength: initial.inputLookupLength,
    outputLookup: initial.outputLookup, outputLookupLength: initial.outputLookupLength,
    options: initial.options, trainOpts: trainOpts
  };
}
`;

/** The Web Worker around it: one job in, progress messages, the trained JSON out. */
export const BROWSER_WORKER_SOURCE = `${TRAINER_SOURCE}
self.onmessage = function (event) {
  var job = event.data;
  var json = trainFeedForward(job.initial, job.data, job.trainOptions, function (iterations) {
    self.postMessage({ type: 'progress', iterations: iterations });
  });
  self.postMessage({ type: 'done', json: json });
};
`;
