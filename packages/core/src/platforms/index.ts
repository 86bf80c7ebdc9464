/** Platform registry and exact length counting. */
export { getPlatform, PLATFORMS, type CountUnit, type PlatformSpec } from './registry.js';
export { measure, type Measurement, type MeasureOptions } from './measure.js';
