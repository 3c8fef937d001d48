import type { ReactNode } from "react";

type EmptyStateProps = {
  title?: string;
  /** Whether the title is a heading of the page (it is plain bold text otherwise). */
  titleIsHeading?: boolean;
  /** What the thing is for. */
  children: ReactNode;
  /** The one action that starts it. */
  actionLabel: string;
  onAction: () => void;
  primary?: boolean;
  testId?: string;
};

/** What an empty list is for, and the one action that fills it. */
export function EmptyState({
  title,
  titleIsHeading = false,
  children,
  actionLabel,
  onAction,
  primary = true,
  testId,
}: EmptyStateProps) {
  const TitleTag = titleIsHeading ? "h2" : "p";
  return (
    <div className="empty-state" data-testid={testId}>
      {title && <TitleTag className="empty-state-title">{title}</TitleTag>}
      <p className="empty-state-text">{children}</p>
      <button type="button" className={primary ? "button button-primary" : "button"} onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
