// The upload is a plain POST of the file's bytes to the gateway's import route (not GraphQL:
// files up to 10 MB, far over a GraphQL body). The CSRF header is the one GraphQL requests carry.

export interface UploadIssue {
  field: string;
  code: string;
  message: string;
  messageNb?: string;
  messageNn?: string;
}

export type UploadResult = { ok: true; id: string } | { ok: false; issues: UploadIssue[]; status: number };

export async function uploadOfferFile(organisationId: string, file: File): Promise<UploadResult> {
  const params = new URLSearchParams({ organisationId, fileName: file.name });
  let response: Response;
  try {
    response = await fetch(`/imports/offers?${params}`, {
      method: "POST",
      body: file,
      credentials: "same-origin",
      headers: { "x-samspill-csrf": "1", "content-type": file.type || "application/octet-stream" },
    });
  } catch {
    return { ok: false, status: 0, issues: [] };
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string; issues?: UploadIssue[] };
  if (response.status === 201 && body.id) return { ok: true, id: body.id };
  return { ok: false, status: response.status, issues: body.issues ?? [] };
}
