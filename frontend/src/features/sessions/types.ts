/** One signed-in device: a session of GET /api/auth/sessions. */
export type DeviceSession = {
  id: string;
  /** The browser's user agent when it signed in. */
  device: string;
  createdAt: string;
  lastUsedAt: string;
  isCurrent: boolean;
};
