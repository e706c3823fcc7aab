import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type ConfigOverrides } from './platform/config.ts';
import { registerUserCommands } from './commands/user.ts';

// Commands load their modules when run, so `--help` and configuration errors answer at once.
const program = new Command('gardenwatch')
  .description('Safety monitoring platform for the kindergartens of a city')
  .showHelpAfterError();

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535');
  }
  return port;
};

program
  .command('start')
  .description('Start the server: API, console, recorders and workers')
  .option('--demo', 'seed a demo city and start the camera simulator')
  .option('--port <n>', 'port to listen on (default PORT or 8080)', parsePort)
  .option('--data <dir>', 'data folder (default DATA_DIR or ./data)')
  .action(async (opts: { demo?: boolean; port?: number; data?: string }) => {
    const { runStart } = await import('./commands/start.ts');
    await runStart(config({ port: opts.port, dataDir: opts.data }), { demo: opts.demo === true });
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .option('--data <dir>', 'data folder (default DATA_DIR or ./data)')
  .action(async (opts: { data?: string }) => {
    const { runMigrate } = await import('./commands/migrate.ts');
    process.exitCode = await runMigrate(config({ dataDir: opts.data }));
  });

const audit = program.command('audit').description('The audit log');
audit
  .command('verify')
  .description('Check the hash chain of the audit log; exit 1 naming the first broken row')
  .option('--data <dir>', 'data folder (default DATA_DIR or ./data)')
  .action(async (opts: { data?: string }) => {
    const { runAuditVerify } = await import('./commands/audit-verify.ts');
    process.exitCode = await runAuditVerify(config({ dataDir: opts.data }));
  });

const exportCommand = program.command('export').description('Exported clips');
exportCommand
  .command('verify <dir>')
  .description("Check an export's files against its signed manifest; exit 1 naming each problem")
  .option('--data <dir>', 'data folder holding the server key (default DATA_DIR or ./data)')
  .option('--public-key <file>', 'PEM public key to trust instead of the server key')
  .action(async (dir: string, opts: { data?: string; publicKey?: string }) => {
    const { runExportVerify } = await import('./commands/export-verify.ts');
    process.exitCode = await runExportVerify(config({ dataDir: opts.data }), dir, opts.publicKey);
  });
exportCommand
  .command('public-key')
  .description('Print the public key that export manifests are signed with (PEM)')
  .option('--data <dir>', 'data folder holding the server key (default DATA_DIR or ./data)')
  .action(async (opts: { data?: string }) => {
    const { runExportPublicKey } = await import('./commands/export-verify.ts');
    process.exitCode = runExportPublicKey(config({ dataDir: opts.data }));
  });

registerUserCommands(program, config);

function config(overrides: { port?: number | undefined; dataDir?: string | undefined }) {
  const clean: ConfigOverrides = {};
  if (overrides.port !== undefined) clean.port = overrides.port;
  if (overrides.dataDir !== undefined) clean.dataDir = overrides.dataDir;
  try {
    return loadConfig(process.env, clean);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`gardenwatch: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`gardenwatch: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
