export { run, VERSION, type Io } from './run.js';
export { main } from './bin.js';
export { formatterNames, getFormatter, type Formatter, type FormatterContext } from './formatters/index.js';
