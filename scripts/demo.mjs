// `npm run demo`: builds, migrates and seeds the demo data (idempotent), then serves the API.
// Without DATABASE_URL everything runs on an embedded PostgreSQL kept in .data/postgres.
import { spawnSync, spawn } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build', '--silent']);
run(process.execPath, ['dist/apps/cli/src/seed.js']);
const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
