import multipart from '@fastify/multipart';
import { type Actor, DomainError, ErrorCode, RequestContext } from '@taawoun/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { isAssetVariant } from '../asset-kind.js';
import type { AssetFilesService } from '../asset-files.service.js';
import type { AssetService } from '../asset.service.js';
import { isStorageKey } from '../storage/asset-storage.js';
import { PayloadTooLargeError, refusedFile } from '../upload/upload-errors.js';

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

export interface AssetRouteDeps {
  files: AssetFilesService;
  assets: AssetService;
  /** Resolves the request's bearer token into `rc.actor` (identity's ActorService). */
  resolveActor(rc: RequestContext): Promise<void>;
  maxBytes: number;
  log: Logger;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/** The contract's error shape (as GraphQL answers it), for the REST routes. */
function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, extra = {}) {
  return reply.code(status).send({ errors: [{ message, extensions: { code, ...extra } }] });
}

function contextOf(request: FastifyRequest): RequestContext {
  return request.rc ?? RequestContext.current() ?? new RequestContext(request.id, request.ip, null);
}

/**
 * POST /assets and GET /assets/:key, in their own plugin scope (multipart parsing applies to these
 * routes only).
 */
export async function assetRoutes(fastify: FastifyInstance, deps: AssetRouteDeps): Promise<void> {
  await fastify.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: deps.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 32 },
  });

  fastify.setErrorHandler((error, request, reply) => {
    if (error instanceof DomainError) {
      if (error.code === ErrorCode.PAYLOAD_TOO_LARGE) void reply.header('connection', 'close');
      return sendError(reply, STATUS[error.code] ?? 400, error.code, error.message, error.extensions);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      void reply.header('connection', 'close');
      return sendError(
        reply,
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `The file is larger than ${deps.maxBytes} bytes`,
        {
          maxBytes: deps.maxBytes,
        },
      );
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      void reply.header('connection', 'close');
      return sendError(reply, status, ErrorCode.BAD_REQUEST, (error as Error).message);
    }
    deps.log.error({ err: error, reqId: request.id }, 'asset request failed');
    return sendError(reply, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  });

  fastify.post('/assets', async (request, reply) => {
    const rc = contextOf(request);
    await deps.resolveActor(rc);
    const actor: Actor = rc.requireActor();
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > deps.maxBytes + MULTIPART_OVERHEAD_BYTES)
      throw new PayloadTooLargeError(deps.maxBytes);
    if (!request.isMultipart())
      throw refusedFile('send multipart/form-data with the file in a field named "file"');
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw refusedFile('send multipart/form-data with the file in a field named "file"');
    const bytes = await readLimited(part.file, deps.maxBytes);
    const asset = await deps.files.upload(actor, bytes);
    return reply.code(201).send({
      id: asset.id,
      url: deps.assets.publicUrl(asset.key),
      mimeType: asset.mimeType,
      width: asset.width,
      height: asset.height,
      byteSize: asset.byteSize,
    });
  });

  fastify.get<{ Params: { key: string }; Querystring: { variant?: unknown } }>(
    '/assets/:key',
    async (request, reply) => {
      const variant = request.query.variant;
      if (variant !== undefined && !isAssetVariant(variant))
        return sendError(
          reply,
          400,
          ErrorCode.BAD_USER_INPUT,
          'variant: must be thumbnail, medium or large',
          {
            fields: [{ field: 'variant', message: 'must be thumbnail, medium or large' }],
          },
        );
      const rc = contextOf(request);
      await deps.resolveActor(rc);
      if (rc.authError) throw rc.authError;
      const key = request.params.key;
      const served = isStorageKey(key) ? await deps.files.open(rc.actor, key, variant ?? null) : null;
      if (!served) return sendError(reply, 404, ErrorCode.NOT_FOUND, 'Asset not found');
      const scope = served.asset.public ? 'public' : 'private';
      // A variant not generated yet is answered with the original, cached briefly.
      const cache = served.variantServed ? `${scope}, max-age=31536000, immutable` : `${scope}, max-age=300`;
      void reply
        .header('content-type', served.contentType)
        .header('cache-control', cache)
        .header('x-content-type-options', 'nosniff');
      // Images never run anything; PDFs keep the browser's viewer (which a sandbox would block).
      if (served.contentType !== 'application/pdf')
        void reply.header('content-security-policy', "default-src 'none'; sandbox");
      if (!served.asset.public) void reply.header('vary', 'authorization');
      if (served.object.byteSize !== null)
        void reply.header('content-length', String(served.object.byteSize));
      return reply.send(served.object.body);
    },
  );
}

/**
 * Reads the file part into memory. Busboy truncates the part at `max` bytes and signals `limit`
 * (it would otherwise keep reading and discarding the rest of the part): on that signal this stops
 * at once with 413, the part is destroyed (the request is no longer read) and the connection is
 * closed after the answer.
 */
function readLimited(stream: Readable, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const fail = (error: Error) => {
      stream.removeAllListeners('data');
      stream.destroy();
      reject(error);
    };
    stream.on('limit', () => fail(new PayloadTooLargeError(max)));
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) return fail(new PayloadTooLargeError(max));
      chunks.push(chunk);
    });
    stream.once('error', (error) => reject(error));
    stream.once('end', () => {
      if ((stream as Readable & { truncated?: boolean }).truncated) reject(new PayloadTooLargeError(max));
      else resolve(Buffer.concat(chunks));
    });
  });
}
