import {
  localeSchema,
  passwordSchema,
  roleSchema,
  roles,
  usernameSchema,
} from '@gardenwatch/contracts';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { AuditService } from '../modules/audit/audit.service.ts';
import { UsersService, systemChange } from '../modules/identity/users.service.ts';
import { bootPlatform } from '../platform/bootstrap.ts';
import type { Config } from '../platform/config.ts';
import { isAppError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';

export type ConfigFor = (overrides: { dataDir?: string | undefined }) => Config;

/** Option names as typed, for error lines that point at the right flag. */
const addOptions = z.object({
  username: usernameSchema,
  role: roleSchema,
  displayName: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  district: z.uuid('must be a UUID').optional(),
  kindergarten: z.uuid('must be a UUID').optional(),
  maintains: z.array(z.uuid('must be a list of UUIDs')).optional(),
  locale: localeSchema.default('zh-CN'),
  passwordStdin: z.boolean().default(false),
  data: z.string().optional(),
});
type AddOptions = z.infer<typeof addOptions>;

const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

class UsageError extends Error {}

export function registerUserCommands(program: Command, configFor: ConfigFor): void {
  const user = program.command('user').description('User accounts');
  user
    .command('add')
    .description('Create a user, such as the first city administrator')
    // A usage mistake is one line and exit code 2, like every other invalid input here.
    .showHelpAfterError(false)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .requiredOption('--username <name>', 'sign-in name (letters, digits, . _ -)')
    .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
    .option('--display-name <text>', 'name shown in the console (default: the username)')
    .option('--district <id>', 'district, for a district reviewer or district police')
    .option('--kindergarten <id>', 'kindergarten, for a principal, security officer or parent')
    .option('--maintains <ids>', 'comma-separated kindergartens, for a maintainer', (v) =>
      v.split(',').map((s) => s.trim()),
    )
    .addOption(new Option('--locale <locale>', 'console language').choices(['zh-CN', 'en']))
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--data <dir>', 'data folder (default DATA_DIR or ./data)')
    .action(async (raw: Record<string, unknown>) => {
      process.exitCode = await runUserAdd(raw, configFor);
    });
}

async function runUserAdd(raw: Record<string, unknown>, configFor: ConfigFor): Promise<number> {
  try {
    const options = parseOptions(raw);
    const password = options.passwordStdin ? await readPassword() : undefined;
    return await addUser(configFor({ dataDir: options.data }), options, password);
  } catch (error) {
    if (!(error instanceof UsageError) && !isAppError(error)) throw error;
    const message = isAppError(error) ? asFlags(error.message) : error.message;
    process.stderr.write(`gardenwatch user add: ${message}\n`);
    return 2;
  }
}

const flagsOfFields: Record<string, string> = {
  'body.scope.districtId': '--district',
  'body.scope.kindergartenId': '--kindergarten',
  'body.scope.maintainedKindergartenIds': '--maintains',
};

/** The service names request fields; a command-line user knows flags. */
const asFlags = (message: string): string =>
  message
    .replace(/^Invalid input: /, '')
    .replace(/body\.scope\.[A-Za-z]+/g, (field) => flagsOfFields[field] ?? field);

function parseOptions(raw: Record<string, unknown>): AddOptions {
  const parsed = addOptions.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UsageError(
    `${flagOf(String(issue?.path[0] ?? 'options'))}: ${issue?.message ?? 'is invalid'}`,
  );
}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  const parsed = passwordSchema.safeParse(text);
  if (!parsed.success) {
    throw new UsageError(
      `the password from standard input ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
    );
  }
  return parsed.data;
}

async function addUser(config: Config, options: AddOptions, password: string | undefined) {
  const booted = await bootPlatform(config, { logger: createLogger('warn') });
  try {
    const { platform } = booted;
    const audit = new AuditService({ db: platform.db, now: () => platform.now() });
    const users = new UsersService({ platform, audit });
    const created = await users.create(systemChange(), {
      username: options.username,
      displayName: options.displayName,
      role: options.role,
      scope: {
        districtId: options.district ?? null,
        kindergartenId: options.kindergarten ?? null,
        maintainedKindergartenIds: options.maintains ?? [],
      },
      locale: options.locale,
      password,
      // A password chosen by its owner stays; a generated one is replaced at first sign-in.
      mustChangePassword: password === undefined,
    });
    const { user } = created;
    process.stdout.write(`created user ${user.username} (${user.role}), id ${user.id}\n`);
    if (created.password) {
      process.stdout.write(
        `password: ${created.password}\n(shown only now; it must be changed at first sign-in)\n`,
      );
    }
    return 0;
  } finally {
    await booted.close();
  }
}
