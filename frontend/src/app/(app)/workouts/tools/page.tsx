import type { Metadata } from 'next';

import { ToolsView } from '@/features/gym-tools/ToolsView';

export const metadata: Metadata = { title: 'Gym tools' };

export default function ToolsPage() {
  return <ToolsView />;
}
