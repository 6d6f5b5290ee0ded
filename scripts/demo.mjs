// `npm run demo`: builds, migrates and seeds the demo data (idempotent), then serves the API.
// Without DATABASE_URL everything runs on an embedded PostgreSQL kept in .data/postgres.
// A failing step ends the demo with one line naming the step (after the step's own message)
// and a non-zero exit code; never a stack trace of this script.
import { spawn, spawnSync } from 'node:child_process';

function fail(message, code = 1) {
  process.stderr.write(`npm run demo stopped: ${message}\n`);
  process.exit(code);
}

function run(step, command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.error) fail(`could not run ${command} (${result.error.message}) for the ${step} step`);
  if (result.status !== 0) {
    const how = result.status === null ? `signal ${result.signal}` : `exit code ${result.status}`;
    fail(`the ${step} step failed (${how}); its message is above`, result.status || 1);
  }
}

run('build', 'npm', ['run', 'build', '--silent']);
run('seed', process.execPath, ['dist/apps/cli/src/seed.js']);
const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { stdio: 'inherit', env: process.env });
api.on('error', (error) => fail(`could not start the API (${error.message})`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => {
  if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') process.exit(0);
  fail(
    `the API exited (${code === null ? `signal ${signal}` : `exit code ${code}`}); its message is above`,
    code || 1,
  );
});
