/** Help texts and option tables of the `crm-mining` commands. */

type OptionKind = { type: 'string' | 'boolean'; short?: string };

/** Options every command that reads a FILE takes. */
export const COMMON_OPTIONS: Record<string, OptionKind> = {
  customer: { type: 'string' }, time: { type: 'string' }, item: { type: 'string' }, order: { type: 'string' },
  amount: { type: 'string' }, price: { type: 'string' }, quantity: { type: 'string' }, cost: { type: 'string' },
  delimiter: { type: 'string' }, 'date-format': { type: 'string' }, 'skip-invalid': { type: 'boolean' },
  returns: { type: 'string' }, 'return-orders': { type: 'string' },
  'no-header': { type: 'boolean' }, columns: { type: 'string' }, decimal: { type: 'string' },
  format: { type: 'string' }, out: { type: 'string', short: 'o' }, limit: { type: 'string' }, quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' }, 'csv-formulas': { type: 'boolean' },
};

/** Each command's own options. */
export const COMMAND_OPTIONS: Record<string, Record<string, OptionKind>> = {
  summary: { json: { type: 'boolean' } },
  analyze: { strict: { type: 'boolean' }, attitude: { type: 'string' }, margin: { type: 'string' }, currency: { type: 'string' }, title: { type: 'string' }, 'as-of': { type: 'string' }, 'horizon-days': { type: 'string' }, model: { type: 'string' }, k: { type: 'string' }, json: { type: 'string' } },
  rules: { 'min-support': { type: 'string' }, 'max-patterns': { type: 'string' }, 'max-memory': { type: 'string' }, 'min-confidence': { type: 'string' }, 'min-lift': { type: 'string' }, 'max-length': { type: 'string' }, algorithm: { type: 'string' }, sort: { type: 'string' } },
  sequences: { 'min-support': { type: 'string' }, 'max-patterns': { type: 'string' }, 'max-memory': { type: 'string' }, 'max-length': { type: 'string' }, 'min-gap': { type: 'string' }, 'max-gap': { type: 'string' }, algorithm: { type: 'string' }, rules: { type: 'boolean' }, 'min-confidence': { type: 'string' } },
  rfm: { 'as-of': { type: 'string' }, bins: { type: 'string' }, segments: { type: 'boolean' } },
  clv: { 'as-of': { type: 'string' }, 'horizon-weeks': { type: 'string' }, 'discount-rate': { type: 'string' }, margin: { type: 'string' }, currency: { type: 'string' } },
  churn: { 'as-of': { type: 'string' }, 'horizon-days': { type: 'string' }, model: { type: 'string' } },
};

export const MAIN_HELP = `Usage: crm-mining <command> FILE [options]

FILE is a CSV (or TSV, or whitespace-separated) file, or a Parquet file (*.parquet), which
is read through DuckDB (npm install @duckdb/node-api).

Commands:
  analyze FILE     the whole analysis as one HTML report (--out report.html)
  rules FILE       association rules: what is bought together
  sequences FILE   sequential patterns: what is bought next
  rfm FILE         RFM scores and segments per customer
  clv FILE         customer lifetime value (BG/NBD + Gamma-Gamma)
  churn FILE       customers most likely to stop buying, with reasons
  summary FILE     size, time range and revenue of the file

Run 'crm-mining <command> --help' for a command's options.
  -h, --help       this text               -v, --version   the version

Exit codes: 0 done, 1 internal error, 2 bad command line or option, 3 bad input data
or unreadable file, 4 a result over its limit (raise the support), 5 a model could not
be fitted, 6 a missing dependency.`;

const COLUMNS = `Columns (header names in FILE; guessed from common names when not given):
  --customer COL   customer id              --time COL       purchase date/time
  --item COL       item / product           --order COL      order (basket) id
  --amount COL     line value               --price COL      unit price (amount = quantity x price)
  --quantity COL   quantity                 --cost COL       line cost

Input:
  --delimiter C        field delimiter (guessed from the header: , ; tab |, else runs of
                       spaces: 'whitespace')
  --no-header          the first line is data; name the columns with --columns a,b,c
  --columns LIST       column names, in order, for a file without a header line
  --decimal C          decimal mark of the numbers: . (default) or , (2,55)
  --date-format F      iso (ISO-8601), dmy (31/12/2010 8:26), mdy (12/31/2010 8:26) or a
                       pattern (DD/MM/YYYY HH:mm, YYYYMMDD); without it, dates that are not
                       ISO are read day- or month-first as all the values show (said on stderr)
  --skip-invalid       skip rows that cannot be used and report them, instead of stopping
  --returns P          net (default: a return lowers its customer's spend, and is no purchase),
                       exclude (left out) or keep (an ordinary line item)
  --return-orders RE   order ids that are returns, a regular expression (e.g. ^C); rows with a
                       negative quantity or amount are returns anyway

Output:
  --format F           table (default), csv or json
  -o, --out FILE       write there instead of to stdout
  --limit N            rows to print (default 20 for a table, all for csv/json)
  --csv-formulas       keep CSV cells that start with = + - @ as they are (by default a '
                       goes in front, so a spreadsheet does not run them as formulas)
  -q, --quiet          no progress or notes on stderr
  -h, --help           this text`;

export const COMMAND_HELP: Record<string, string> = {
  analyze: `Usage: crm-mining analyze FILE [--out report.html] [options]

Runs every analysis on FILE and writes one self-contained HTML page (charts inlined, no
network needed to view it): data summary, RFM segments, association rules, sequential
patterns, CLV, churn risk and k-means segments. A section the data cannot support (no
amounts, too short for the churn horizon) says why instead. Rows that cannot be used are
skipped and counted (stderr and the report's data-quality table); when more than half of
the rows are bad it stops: that is a wrong column mapping, not dirty data.

  -o, --out FILE       the report (default report.html)
  --strict             stop at the first bad row instead of skipping it
  --margin M           share of spend that is margin (0.3), or cost (amount less the cost
                       column): CLV is then a margin, else revenue
  --currency C         currency of the amounts (EUR), shown with them
  --json FILE          also write the analysis as JSON
  --title TEXT         page title (default: the file name)
  --as-of DATE         reference date (default: the day after the last purchase)
  --horizon-days N     churn = no purchase within N days (default 90)
  --model M            churn model: logistic (default), forest, tree, rules, neural, bgnbd
  --k N                k-means segments (default 4)
  --attitude FILE      CSV of a survey or NPS score per customer (columns customer, score):
                       adds the loyalty matrix, purchase frequency × attitude

${COLUMNS.replace(/\nOutput:[\s\S]*$/, '\n  -q, --quiet          no progress on stderr\n  -h, --help           this text')}`,
  rules: `Usage: crm-mining rules FILE [options]

Association rules "baskets with A also have C", strongest first.

  --min-support S      least share of baskets, in (0, 1] (default: halved from 0.1 until
                       20 rules are found)
  --min-confidence C   least confidence (default 0.3)
  --min-lift L         least lift (default 0)
  --max-length N       most items in a rule (default 4)
  --algorithm A        fpgrowth (default), apriori or eclat: the same rules
  --max-patterns N     stop (exit 4) past N frequent itemsets (default 1000000)
  --max-memory MB      stop (exit 4) before the search holds more (default: a quarter
                       of the heap limit)
  --sort KEY           lift (default), confidence, support, leverage or conviction

${COLUMNS}`,
  sequences: `Usage: crm-mining sequences FILE [options]

Sequential patterns over each customer's time-ordered baskets, most common first.

  --min-support S      least share of customers (default: halved from 0.2 until 20
                       multi-step patterns are found)
  --max-length N       most items in a pattern (default 4)
  --min-gap N          least baskets between steps (default 1: adjacent allowed)
  --max-gap N          most baskets between steps (default: no limit)
  --algorithm A        prefixspan (default), spade or gsp: the same patterns
  --max-patterns N     stop (exit 4) past N patterns (default 1000000)
  --max-memory MB      stop (exit 4) before the search holds more (default: a quarter
                       of the heap limit)
  --rules              print rules "after these, next" instead of patterns
  --min-confidence C   least confidence of those rules (default 0.1)

${COLUMNS}`,
  rfm: `Usage: crm-mining rfm FILE [options]

Recency, frequency and monetary value per customer, scored 1..bins and named by segment.

  --as-of DATE         reference date (default: the day after the last purchase)
  --bins N             score levels (default 5)
  --segments           one row per segment (customers, means, share of revenue) instead

${COLUMNS}`,
  clv: `Usage: crm-mining clv FILE [options]

Customer lifetime value from BG/NBD (purchases) and Gamma-Gamma (spend), highest first.
Needs amounts (--amount, or --price with --quantity).

  --as-of DATE         end of the calibration data (default: the day after the last purchase)
  --horizon-weeks N    weeks of future purchases valued (default 52)
  --discount-rate R    per 4-week period (default 0.01)

${COLUMNS}`,
  churn: `Usage: crm-mining churn FILE [options]

Customers most likely to buy nothing within the horizon, ranked by value at risk
(probability x CLV), with the features that raise their risk. The model is trained at the
latest date whose horizon the data covers and checked out of time one horizon earlier
(printed on stderr).

  --as-of DATE         score date (default: the day after the last purchase)
  --horizon-days N     churn = no purchase within N days (default 90)
  --model M            logistic (default), forest, tree, neural or bgnbd

${COLUMNS}`,
  summary: `Usage: crm-mining summary FILE [options]

Rows, baskets, customers, items, time range and revenue of FILE.

  --json               print JSON (same as --format json)

${COLUMNS}`,
};
