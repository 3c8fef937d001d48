import type { ReactNode } from "react";

type TopBarProps = { title: string; actions: ReactNode };

/** Page title on the left, the page's controls on the right. */
export function TopBar({ title, actions }: TopBarProps) {
  return (
    <header className="top-bar">
      <h1 className="top-bar-title">{title}</h1>
      <div className="top-bar-actions">{actions}</div>
    </header>
  );
}
