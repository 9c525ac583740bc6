/**
 * Demo data: the demo city portal and its component sites a newcomer sees on first start, and
 * the regulation texts shipped as demo content (other modules' seeds use them). The demo
 * accounts, content and citizens' requests are the seeds of the accounts, content and inquiries
 * modules.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import { seedDemoSites, type DemoDeps } from './demo.seed.ts';

export { textToHtml, regulationText } from './demo.seed.ts';
export { demoRegulations, type DemoRegulation } from './regulations/index.ts';

export function demoModule(_platform: Platform, deps: DemoDeps) {
  return defineModule({
    name: 'demo',
    needs: ['sites', 'menus', 'pages'],
    seed: () => seedDemoSites(deps),
    provides: {},
  });
}
