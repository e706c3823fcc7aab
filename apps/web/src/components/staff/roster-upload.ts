import {
  buildPath,
  importReportSchema,
  staffRoutes,
  type ImportReport,
} from '@gardenwatch/contracts';
import { ApiError, clientErrorCodes, errorFromResponse } from '../../api/api-error.ts';
import { getCsrfToken } from '../../api/csrf-token.ts';

export type ImportMode = 'dry_run' | 'all' | 'valid_only';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import route accepts for a file, from its name. */
export function rosterContentType(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  return 'application/octet-stream';
}

export interface UploadOptions {
  kindergartenId: string;
  mode: ImportMode;
  file: Blob & { name: string };
  fetch?: typeof fetch;
}

/**
 * Sends the roster file itself as the request body (the route takes bytes, not JSON), so the
 * server reads the encoding and the sheet; the answer is checked against the contract.
 */
export async function uploadRoster(options: UploadOptions): Promise<ImportReport> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': rosterContentType(options.file.name),
  };
  const csrf = getCsrfToken();
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  const query = new URLSearchParams({ kindergartenId: options.kindergartenId, mode: options.mode });
  const url = `${buildPath(staffRoutes.import.path, undefined)}?${query.toString()}`;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: options.file,
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: clientErrorCodes.network,
      message: String(cause),
      requestId: '',
    });
  }

  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    data = text;
  }
  if (!response.ok) throw errorFromResponse(response, data);

  const parsed = importReportSchema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: clientErrorCodes.invalidResponse,
      message: parsed.error.message,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  return parsed.data;
}
