import { adminCreate } from './admin-create.command.js';

/** Entry point of `npm run admin:create` (see admin-create.command.ts). */
process.exit(await adminCreate(process.argv.slice(2)));
