/** What the oversight pages read. */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

/** Grant oversight below a site (`cap`, with `trang`), or revoke one grant (`thu-hoi`, with `grant`). */
export const OversightForm = Type.Object({
  'thao-tac': FormField.requiredChoice(['cap', 'thu-hoi']),
  trang: FormField.integer({ min: 1, max: 2_147_483_647 }),
  grant: FormField.integer({ min: 1, max: 2_147_483_647 }),
});

export const NoticeQuery = Type.Object({ tb: Type.Optional(FormField.choice(['da-cap', 'da-thu-hoi'])) });

/** The site to open (its code) and what to see there: the queues (default), the compliance figures or the citizens' requests. */
export const OpenQuery = Type.Object({
  trang: Type.Optional(FormField.text({ max: 100 })),
  xem: Type.Optional(FormField.choice(['tuan-thu', 'hoi-dap'])),
});
