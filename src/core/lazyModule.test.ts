import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazyModule';

describe('lazyModule', () => {
  it('loads an installed package on first use, once', () => {
    const lib = lazyModule<{ kmeans: unknown }>('ml-kmeans', 'npm install ml-kmeans@7', () => import('ml-kmeans'), (m) => typeof m.kmeans === 'function');
    const first = lib.get();
    expect(typeof first.kmeans).toBe('function');
    expect(lib.get()).toBe(first);
  });

  it('names the package and the install command when it is missing', async () => {
    const missing = lazyModule('no-such-package-crm', 'npm install no-such-package-crm', null, () => true);
    expect(() => missing.get()).toThrow(expect.objectContaining({ code: 'DEPENDENCY', message: expect.stringMatching(/no-such-package-crm.*npm install no-such-package-crm/) }));
    await expect(missing.load()).rejects.toMatchObject({ code: 'DEPENDENCY' });
  });

  it('takes a module the caller imported, unwrapping a default export, and refuses another module', () => {
    const fake = { NeuralNetwork: class {} };
    const given = lazyModule<typeof fake>('not-installed-brain', 'npm install x', null, (m) => typeof m.NeuralNetwork === 'function');
    expect(given.provide({ default: fake })).toBe(fake);
    expect(given.get()).toBe(fake);
    const wrong = lazyModule('not-installed-brain', 'npm install x', null, (m) => typeof m.NeuralNetwork === 'function');
    expect(() => wrong.provide({ something: 1 })).toThrow(/does not look like not-installed-brain/);
  });
});
