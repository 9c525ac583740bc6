/**
 * Administration from the command line: `npm run cli -- <command> [options]`.
 * Works on the same data as the server (DATA_DIR or DATABASE_URL). With the embedded
 * database the server must be stopped first: PGlite allows one process at a time.
 */
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
/** A check that ran and found problems: exit 2, message already explains. */
class CheckFailed extends Error {}

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
      process.exit(2);
    }
    if (err instanceof ConfigError || err instanceof UsageError) console.error(err.message);
    else if (isDomainError(err)) console.error(`${err.message} (${err.code})`);
    else if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error((err as Error).message);
    else console.error(err);
    process.exit(1);
  },
);
