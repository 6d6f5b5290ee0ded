import { startTestApi, type TestApi } from './support/test-api.js';

/** The worker runs the same libs and their jobs, answers /health, and serves no GraphQL. */
let worker: TestApi;
beforeAll(async () => {
  worker = await startTestApi({ RUN_JOBS: 'true' }, undefined, 'worker');
});
afterAll(() => worker.close());

it('answers /health', async () => {
  const res = await fetch(`${worker.url}/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
});

it('serves no GraphQL, GraphiQL or metrics', async () => {
  expect((await worker.gql('{ regions { code } }')).status).toBe(404);
  expect((await fetch(`${worker.url}/graphiql`)).status).toBe(404);
  expect((await fetch(`${worker.url}/metrics`)).status).toBe(404);
});
