import type { Metadata } from 'next';

import { DataView } from '@/features/settings/DataView';

export const metadata: Metadata = { title: 'Your data' };

export default function DataPage() {
  return <DataView />;
}
