// `npm run ask -- "jaxa"`: answer a question from the command line (see src/cli/ask.ts).
import { runAsk } from '../src/cli/ask.js';

process.exitCode = await runAsk({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
