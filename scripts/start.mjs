// `npm start`: the playground on the emulator. `--port N` (default 4000, 0 = any free port).
import { startPlayground } from '../playground/server.mjs';

const at = process.argv.indexOf('--port');
const port = Number(at > 0 ? process.argv[at + 1] : (process.env.PORT ?? 4000));
const running = await startPlayground({ port }).catch((err) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: try \`npm start -- --port 0\`.` : err);
  process.exit(1);
});
process.on('SIGINT', () => running.close().then(() => process.exit(0)));
