import type { User } from '@/features/auth/types';
import { api } from '@/lib/api';

export const PROFILE_PATH = '/users/me';

export type ProfileChanges = { name?: string; timezone?: string; weekStart?: 'monday' | 'sunday' };

/** Changes the profile: the time zone decides which day "today" is, the week start how weeks count. */
export async function updateProfile(changes: ProfileChanges): Promise<User> {
  const response = await api.patch<{ user: User }>(PROFILE_PATH, changes);
  return response.data.user;
}
