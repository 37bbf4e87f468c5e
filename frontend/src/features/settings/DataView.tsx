import { DeleteAccount } from '@/features/account/DeleteAccount';
import { ExportPanel } from '@/features/exports/ExportPanel';
import { ImportPanel } from '@/features/imports/ImportPanel';

/** Settings › Your data: bring history in from other apps, take it out, or delete the account. */
export function DataView() {
  return (
    <section className="page" aria-labelledby="data-title">
      <header className="page-header">
        <h1 id="data-title">Your data</h1>
        <p className="page-subtitle">Import from other apps, export everything, or leave.</p>
      </header>

      <ImportPanel />
      <ExportPanel />
      <DeleteAccount />
    </section>
  );
}
