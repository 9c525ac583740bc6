/**
 * Administration from the command line: `npm run cli -- <command> [options]`.
 * Works on the same data as the server (DATA_DIR or DATABASE_URL). With the embedded
 * database the server must be stopped first: PGlite allows one process at a time.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { ConfigError, loadConfig } from './platform/config.ts';
import { isDomainError } from './platform/http/errors.ts';
import { openPlatformData, type Booted } from './boot.ts';
import { createModules, seedDemo, type Modules } from './modules.ts';
import { compareText, formatDateTime } from './platform/i18n/index.ts';
import { verifyAuditChain } from './modules/audit/index.ts';
import { listRecentMail } from './platform/mail/index.ts';
import { CalendarRangeError } from './modules/calendar/index.ts';
import { defaultEnglishName, SITE_KINDS, SITE_STATUSES, type SiteChanges } from './modules/sites/index.ts';
import type { SiteKind, SiteStatus } from './platform/db/schema.ts';

interface Command {
  summary: string;
  usage: string;
  run(ctx: { booted: Booted; modules: Modules; args: string[] }): Promise<void>;
}

async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.CONG_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    // Piped: read the first line of standard input.
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      output.output.write(s);
      prompted = true;
    }
  };
  const answer = await rl.question(prompt);
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Apply pending database migrations (they also run at every start).',
    usage: 'migrate',
    async run({ booted }) {
      const { applied, current } = booted.migrations;
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Nothing to apply.');
      console.log(`Schema version: ${current}`);
    },
  },
  'seed-demo': {
    summary: 'Create the demo portal and component sites (skips sites that already exist).',
    usage: 'seed-demo',
    async run({ modules }) {
      const report = await seedDemo(modules);
      const names = (key: string): readonly string[] => {
        const v = report[key];
        return Array.isArray(v) ? v : [];
      };
      console.log(names('created').length ? `Created: ${names('created').join(', ')}` : 'Nothing created.');
      if (names('skipped').length) console.log(`Already present: ${names('skipped').join(', ')}`);
      if (names('accounts').length) console.log(`Demo accounts: ${names('accounts').join(', ')}`);
      if (report.items) console.log(`Demo content items: ${report.items}`);
      if (report.inquiries) console.log(`Demo citizens' requests: ${report.inquiries}`);
    },
  },
  'create-admin': {
    summary: 'Create a platform administrator. Password from CONG_ADMIN_PASSWORD, standard input or a hidden prompt.',
    usage: 'create-admin --email <e-mail> --name "<full name>"',
    async run({ modules, args }) {
      const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
      if (!values.email || !values.name) throw new UsageError('create-admin needs --email and --name.');
      const password = await readPassword('Mật khẩu / Password: ');
      const admin = await modules.accounts.createPlatformAdmin({ email: values.email, name: values.name, password });
      console.log(`Created platform administrator ${admin.email} (id ${admin.id}).`);
    },
  },
  'user:suspend': {
    summary: 'Suspend an account at once (its sessions end).',
    usage: 'user:suspend --email <e-mail> [--reason "<why>"]',
    async run({ modules, args }) {
      const { values } = parseArgs({ args, options: { email: { type: 'string' }, reason: { type: 'string' } } });
      if (!values.email) throw new UsageError('user:suspend needs --email.');
      await modules.accounts.suspendByEmail(values.email, values.reason ?? 'cli');
      console.log(`Suspended ${values.email}; its sessions have ended.`);
    },
  },
  'user:reset-2fa': {
    summary: "Clear an account's second factor (lost phone); it enrols again at next sign-in.",
    usage: 'user:reset-2fa --email <e-mail>',
    async run({ modules, args }) {
      const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
      if (!values.email) throw new UsageError('user:reset-2fa needs --email.');
      await modules.accounts.resetTwoFactor(values.email);
      console.log(`Two-factor authentication of ${values.email} was reset; its sessions have ended.`);
    },
  },
  'audit:verify': {
    summary: "Check the audit log's hash chain: reports any altered, removed or reordered entry.",
    usage: 'audit:verify',
    async run({ booted }) {
      const { checked, problems } = await verifyAuditChain(booted.database.db);
      if (problems.length === 0) {
        console.log(`Audit log intact: ${checked} entries checked.`);
        return;
      }
      for (const p of problems) console.error(`#${p.id} ${p.kind}: ${p.message}`);
      throw new CheckFailed(`Audit log NOT intact: ${problems.length} problem(s) in ${checked} entries.`);
    },
  },
  'demo:totp': {
    summary: 'Print the current two-factor code of a demo account (refused for any other account).',
    usage: 'demo:totp <e-mail>',
    async run({ modules, args }) {
      if (!args[0]) throw new UsageError('demo:totp needs an e-mail.');
      console.log(await modules.accounts.demoTotp(args[0]));
    },
  },
  'mail:outbox': {
    summary: 'Show the latest messages of the mail outbox (kept there when SMTP_URL is not set).',
    usage: 'mail:outbox [--limit N]',
    async run({ booted, args }) {
      const { values } = parseArgs({ args, options: { limit: { type: 'string' } } });
      const rows = await listRecentMail(booted.database.db, Math.min(Number(values.limit ?? 10) || 10, 200));
      for (const m of rows) {
        console.log(
          `#${m.id} ${formatDateTime(m.created_at)} → ${m.to_address} [${m.sent_at ? 'sent' : m.attempts ? `failed ×${m.attempts}` : 'pending'}]\n  ${m.subject}\n${m.text_body.replace(/^/gm, '  | ')}\n`,
        );
      }
      if (rows.length === 0) console.log('The outbox is empty.');
    },
  },
  'calendar:due': {
    summary: 'When a deadline falls due, and how: trigger (yyyy-mm-dd[ HH:MM] or dd/mm/yyyy[ HH:MM], Việt Nam time), amount, unit.',
    usage: 'calendar:due <trigger> <amount> <working-days|hours|same-working-day>',
    async run({ modules, args }) {
      const [triggerText, amountText, unit] = args.length === 4 ? [`${args[0]} ${args[1]}`, args[2], args[3]] : args;
      if (!triggerText || amountText === undefined || !unit)
        throw new UsageError('Usage: calendar:due <trigger> <amount> <working-days|hours|same-working-day>');
      const trigger = parseVnDateTime(triggerText);
      if (!trigger) throw new UsageError(`Not a date and time: "${triggerText}". Write 2026-02-13 16:30 or 13/02/2026 16:30 (Việt Nam time).`);
      if (unit !== 'working-days' && unit !== 'hours' && unit !== 'same-working-day')
        throw new UsageError(`Unknown unit "${unit}": working-days, hours or same-working-day.`);
      const amount = Number(amountText);
      if (!Number.isInteger(amount)) throw new UsageError(`The amount must be a whole number, not "${amountText}".`);
      let due: Awaited<ReturnType<typeof modules.calendar.calendar.due>>;
      try {
        due = await modules.calendar.calendar.due(trigger, amount, unit);
      } catch (err) {
        if (err instanceof RangeError || err instanceof CalendarRangeError) throw new UsageError(err.message);
        throw err;
      }
      console.log(`Hạn: ${formatDateTime(due.due)} (${due.due.toISOString()})`);
      console.log(due.explanation);
    },
  },
  'search:reindex': {
    summary: 'Rebuild the search index from what is published (all types, or one).',
    usage: 'search:reindex [type]',
    async run({ modules, args }) {
      const type = args[0];
      if (type && !modules.search.search.types().some((t) => t.type === type))
        throw new UsageError(
          `Unknown search type "${type}". Known: ${modules.search.search
            .types()
            .map((t) => t.type)
            .join(', ')}`,
        );
      const counts = await modules.search.search.rebuild(type);
      for (const [name, n] of Object.entries(counts)) console.log(`${name}: ${n} documents indexed`);
    },
  },
  'sites:create': {
    summary: 'Create a site with its standard menu and empty fixed pages (served at once by a running server).',
    usage:
      'sites:create --code <code> --name "<name>" --kind portal|department|ward|other --parent <code> [--host <name>]… [--name-en …] [--owner …] [--email …] [--phone …]',
    async run({ modules, args }) {
      const { values } = parseSiteArgs(args);
      if (!values.code || !values.name || !values.kind)
        throw new UsageError('sites:create needs --code, --name and --kind (and --parent unless it is a portal).');
      const changes = siteChangesOf(values);
      const site = await modules.sites.sites
        .create(CLI_ACTOR, {
          ...changes,
          code: values.code,
          kind: kindOf(values.kind)!,
          nameVi: values.name,
          nameEn: values['name-en'] || defaultEnglishName(values.name),
        })
        .catch(refusedSite);
      console.log(`Created ${site.code} (${site.kind}, id ${site.id}): ${site.name_vi}`);
    },
  },
  'sites:update': {
    summary: "Change a site's details (not its code); --host replaces its host names, --no-hosts removes them.",
    usage: 'sites:update <code> [--name …] [--name-en …] [--kind …] [--parent …] [--host <name>]… [--no-hosts] [--email …] [--theme #rrggbb] …',
    async run({ modules, args }) {
      const { values, positionals } = parseSiteArgs(args);
      const code = positionals[0] ?? values.code;
      if (!code) throw new UsageError('sites:update needs the code of the site: sites:update <code> --name …');
      const changes = siteChangesOf(values);
      if (Object.keys(changes).length === 0) throw new UsageError('sites:update: nothing to change (give --name, --email, --host…).');
      const site = await modules.sites.sites.update(CLI_ACTOR, code, changes).catch(refusedSite);
      console.log(`Updated ${site.code}: ${Object.keys(changes).join(', ')}`);
    },
  },
  'sites:status': {
    summary: 'Set a site active, under maintenance or closed (a closed site answers 410; its content stays).',
    usage: 'sites:status <code> active|maintenance|closed',
    async run({ modules, args }) {
      const [code, status] = args;
      if (!code || !status) throw new UsageError('Usage: sites:status <code> active|maintenance|closed');
      if (!(SITE_STATUSES as readonly string[]).includes(status)) throw new UsageError(`Unknown status "${status}": active, maintenance or closed.`);
      const site = await modules.sites.sites.setStatus(CLI_ACTOR, code, status as SiteStatus).catch(refusedSite);
      console.log(`${site.code} is now ${site.status}.`);
    },
  },
  'sites:import': {
    summary: 'Create the sites of a CSV file in one transaction: all of them, or none and every refused line with why.',
    usage: 'sites:import <file.csv>',
    async run({ modules, args }) {
      const file = args[0];
      if (!file) throw new UsageError('Usage: sites:import <file.csv> (columns: README, "How a city adds its sites").');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
      } catch (err) {
        throw new UsageError(`Cannot read ${file} as UTF-8 text: ${(err as Error).message}`);
      }
      const result = await modules.sites.sites.importCsv(CLI_ACTOR, text);
      if (!result.ok) {
        for (const r of result.refused) console.error(`${r.line === 0 ? 'file' : `line ${r.line}`}${r.code ? ` (${r.code})` : ''}: ${r.reasons.join(' ')}`);
        throw new CheckFailed(`No site created: ${result.refused.length} line(s) refused.`, 1);
      }
      console.log(`Created ${result.created.length} sites: ${result.created.map((s) => s.code).join(', ')}`);
    },
  },
  'sites:list': {
    summary: 'List the sites with their codes, kinds, host names and status.',
    usage: 'sites:list [--json]',
    async run({ modules, args }) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
      const sites = await modules.sites.listSites();
      if (values.json) {
        console.log(
          JSON.stringify(
            sites.map((s) => ({ code: s.code, kind: s.kind, name: s.name_vi, hosts: s.hosts, status: s.status })),
            null,
            2,
          ),
        );
        return;
      }
      if (sites.length === 0) {
        console.log('No site yet. Run: npm run cli -- seed-demo');
        return;
      }
      const byId = new Map(sites.map((s) => [s.id, s]));
      const rows = sites
        .slice()
        .sort((a, b) => (a.parent_id ?? 0) - (b.parent_id ?? 0) || compareText('vi', a.name_vi, b.name_vi))
        .map((s) => [s.code, s.kind, s.status, s.parent_id ? (byId.get(s.parent_id)?.code ?? '') : '', s.hosts.join(' '), s.name_vi]);
      const header = ['code', 'kind', 'status', 'parent', 'hosts', 'name'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [header, ...rows]) console.log(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
    },
  },
};

/** What the sites commands take (the CSV's columns say the same in README). */
const SITE_OPTIONS = {
  code: { type: 'string' },
  kind: { type: 'string' },
  parent: { type: 'string' },
  name: { type: 'string' },
  'name-en': { type: 'string' },
  owner: { type: 'string' },
  'owner-en': { type: 'string' },
  responsible: { type: 'string' },
  address: { type: 'string' },
  phone: { type: 'string' },
  fax: { type: 'string' },
  email: { type: 'string' },
  host: { type: 'string', multiple: true },
  'no-hosts': { type: 'boolean' },
  theme: { type: 'string' },
  languages: { type: 'string' },
} as const;

/** The option that sets each field of a site (to name it in a refusal). */
const OPTION_OF: Record<string, string> = {
  code: '--code',
  kind: '--kind',
  parentCode: '--parent',
  nameVi: '--name',
  nameEn: '--name-en',
  ownerNameVi: '--owner',
  ownerNameEn: '--owner-en',
  responsiblePerson: '--responsible',
  address: '--address',
  phone: '--phone',
  fax: '--fax',
  email: '--email',
  hosts: '--host',
  themeColor: '--theme',
  languages: '--languages',
  status: 'status',
};

const CLI_ACTOR = { kind: 'system', label: 'cli' } as const;

type SiteValues = ReturnType<typeof parseSiteArgs>['values'];

function parseSiteArgs(args: string[]) {
  return parseArgs({ args, options: SITE_OPTIONS, allowPositionals: true });
}

function kindOf(value: string | undefined): SiteKind | undefined {
  if (value === undefined) return undefined;
  if (!(SITE_KINDS as readonly string[]).includes(value)) throw new UsageError(`Unknown kind "${value}": ${SITE_KINDS.join(', ')}.`);
  return value as SiteKind;
}

/** The fields a sites command sets, from its options (only those given). */
function siteChangesOf(v: SiteValues): SiteChanges {
  const set = <K extends keyof SiteChanges>(key: K, value: SiteChanges[K] | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    ...set('kind', kindOf(v.kind)),
    ...set('parentCode', v.parent === undefined ? undefined : v.parent || null),
    ...set('nameVi', v.name),
    ...set('nameEn', v['name-en']),
    ...set('ownerNameVi', v.owner),
    ...set('ownerNameEn', v['owner-en']),
    ...set('responsiblePerson', v.responsible),
    ...set('address', v.address),
    ...set('phone', v.phone),
    ...set('fax', v.fax),
    ...set('email', v.email),
    ...set('hosts', v['no-hosts'] ? [] : v.host),
    ...set('themeColor', v.theme),
    ...set('languages', v.languages === undefined ? undefined : v.languages.split(/[\s,]+/).filter(Boolean)),
  };
}

/** A refusal of the sites module, one problem a line, named by the command's option. */
function refusedSite(err: unknown): never {
  if (isDomainError(err) && err.details.length > 0) {
    throw new UsageError([`Refused (${err.code}):`, ...err.details.map((d) => `  ${OPTION_OF[d.field] ?? d.field}: ${d.message}`)].join('\n'));
  }
  throw err;
}

class UsageError extends Error {}

/** "2026-02-13 16:30", "2026-02-13T16:30", "13/02/2026 16:30" or a day alone (00:00), in Việt Nam time (UTC+7). */
function parseVnDateTime(text: string): Date | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim());
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/.exec(text.trim());
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : vn ? [vn[3], vn[2], vn[1], vn[4], vn[5]] : undefined;
  if (!parts) return undefined;
  const [y, mo, d, h, mi] = parts.map((p) => Number(p ?? 0)) as [number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h - 7, mi);
  const back = new Date(utc + 7 * 3_600_000);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return new Date(utc);
}
/** A check that ran and found problems: exit 2 (or the code given), message already explains. */
class CheckFailed extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

function help(): void {
  console.log('Usage: npm run cli -- <command> [options]\n');
  for (const [_name, c] of Object.entries(commands)) console.log(`  ${c.usage.padEnd(56)} ${c.summary}`);
  console.log('\nWith the embedded database (no DATABASE_URL), stop the server before running a command.');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n`);
    help();
    return 1;
  }
  const config = loadConfig();
  const booted = await openPlatformData(config);
  try {
    const modules = createModules({ config, db: booted.database.db, engine: booted.database.engine, ping: booted.database.ping });
    await command.run({ booted, modules, args });
    return 0;
  } finally {
    await booted.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof CheckFailed) {
      console.error(err.message);
      process.exit(err.exitCode);
    }
    if (err instanceof ConfigError || err instanceof UsageError) console.error(err.message);
    else if (isDomainError(err)) console.error(`${err.message} (${err.code})`);
    else if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error((err as Error).message);
    else console.error(err);
    process.exit(1);
  },
);
