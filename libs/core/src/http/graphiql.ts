import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** The files GraphiQL needs, served from installed npm packages: no CDN (and no internet here). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function assets(): Record<string, { file: string; type: string }> {
  return {
    'react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
    'react-dom.js': {
      file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
      type: 'text/javascript',
    },
    'graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
    'graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  };
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Taawoun GraphiQL</title>
    <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script src="/graphiql/assets/react.js"></script>
    <script src="/graphiql/assets/react-dom.js"></script>
    <script src="/graphiql/assets/graphiql.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultEditorToolbarOpen: true }),
      );
    </script>
  </body>
</html>`;

/** GraphiQL at `/graphiql` (development only). */
export function registerGraphiql(fastify: FastifyInstance): void {
  const ASSETS = assets();
  fastify.get('/graphiql', (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get<{ Params: { name: string } }>('/graphiql/assets/:name', (request, reply) => {
    const asset = ASSETS[request.params.name];
    if (!asset) return reply.status(404).send({ message: 'Not found' });
    return reply
      .type(asset.type)
      .header('cache-control', 'public, max-age=86400')
      .send(createReadStream(asset.file));
  });
}
