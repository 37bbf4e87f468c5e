type LoadMoreButtonProps = { label: string; isLoading: boolean; onLoadMore: () => unknown };

/** The button under a paginated list that fetches its next page. */
export function LoadMoreButton({ label, isLoading, onLoadMore }: LoadMoreButtonProps) {
  return (
    <button
      type="button"
      className="button button-secondary button-block"
      onClick={() => void onLoadMore()}
      disabled={isLoading}
    >
      {isLoading ? 'Loading…' : label}
    </button>
  );
}
