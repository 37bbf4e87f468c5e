import type { UserDocument } from './model';

export interface UserView {
  id: string;
  email: string;
  name: string;
  timezone: string;
  weekStart: string;
  unit: string;
  createdAt: string;
}

export function presentUser(user: UserDocument): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    timezone: user.timezone,
    weekStart: user.weekStart,
    unit: user.unit,
    createdAt: user.createdAt.toISOString(),
  };
}
