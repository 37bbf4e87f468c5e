'use client';

import { useAuth } from '@/features/auth/AuthProvider';
import type { WeightUnit } from './types';

/** The unit the signed-in user reads and types weights in. */
export function useUnit(): WeightUnit {
  return useAuth().user?.unit ?? 'kg';
}
