import type { Client } from 'urql';
import { MeDocument } from '../../../lib/session/session-context';
import { TokenStore } from '../../../lib/session/token-store';

/**
 * Downloads the API's bank transfer file (GET /admin/payouts.csv, bearer token). A `me` query
 * first lets the GraphQL client rotate an expired access token, then the fresh one is read back.
 */
export async function downloadPayoutCsv(client: Client): Promise<boolean> {
  await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  const token = new TokenStore().current?.accessToken;
  if (!token) return false;
  const response = await fetch('/admin/payouts.csv', { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'payouts.csv';
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return true;
}
