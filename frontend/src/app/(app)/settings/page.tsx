import type { Metadata } from 'next';

import { SessionsView } from '@/features/sessions/SessionsView';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return <SessionsView />;
}
