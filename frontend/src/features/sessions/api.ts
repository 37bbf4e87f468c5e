import { api } from '@/lib/api';

export const SESSIONS_PATH = '/auth/sessions';

/** Signs one device out: its refresh cookie and access token stop working at once. */
export async function revokeSession(sessionId: string): Promise<void> {
  await api.delete(`${SESSIONS_PATH}/${encodeURIComponent(sessionId)}`);
}
