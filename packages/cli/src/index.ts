export { run, VERSION, type Io } from './run.js';
export type { ReadFile } from './read.js';
export { main } from './bin.js';
export { formatterNames, getFormatter, type Formatter, type FormatterContext } from './formatters/index.js';
