/** Demo data: the demo city portal and component sites a newcomer sees on first start. */
export { seedDemo, type SeedReport } from './demo.seed.ts';
