export type User = {
  id: string;
  email: string;
  name: string | null;
  timezone: string;
  weekStart: 'monday' | 'sunday';
  unit: 'kg' | 'lb';
  createdAt: string;
};

/** What login, register and refresh answer. */
export type Session = { accessToken: string; user: User };
