/** The agencies page's rows: each agency with the names of the people who answer for it. */
import type { AgencyRow } from '../inquiries.repo.ts';
import type { AgenciesView } from '../views/agencies.view.ts';

export function agencyRows(agencies: readonly AgencyRow[], responders: readonly (readonly { name: string }[])[]): AgenciesView['agencies'] {
  return agencies.map((a, i) => ({
    id: a.id,
    name: a.name,
    active: a.active,
    hotlineDefault: a.hotline_default,
    responders: (responders[i] ?? []).map((r) => r.name),
  }));
}
