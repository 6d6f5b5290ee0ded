import { useCallback } from 'react';
import { useSession } from '../../../lib/session/session-context';

export interface UploadedAsset {
  id: string;
  url: string;
  mimeType: string;
}

/** The outcome of `POST /assets`: the asset, or the API's message (BAD_USER_INPUT on `file`, 413, 429). */
export type UploadResult = { ok: true; asset: UploadedAsset } | { ok: false; message: string };

interface UploadErrorBody {
  errors?: { message?: string; extensions?: { fields?: { message?: string }[] } }[];
}

/** Uploads one file as the signed-in user (multipart field `file`, bearer token). */
export function useUpload(): (file: File) => Promise<UploadResult> {
  const { authorizedFetch } = useSession();
  return useCallback(
    async (file: File) => {
      const body = new FormData();
      body.append('file', file);
      const response = await authorizedFetch('/assets', { method: 'POST', body });
      const json = (await response.json().catch(() => ({}))) as UploadedAsset & UploadErrorBody;
      if (response.ok) return { ok: true, asset: { id: json.id, url: json.url, mimeType: json.mimeType } };
      const first = json.errors?.[0];
      const message = first?.extensions?.fields?.[0]?.message ?? first?.message ?? `HTTP ${response.status}`;
      return { ok: false, message };
    },
    [authorizedFetch],
  );
}
