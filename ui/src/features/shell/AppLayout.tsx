import type { ReactNode } from "react";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";
import "./AppLayout.css";

type AppLayoutProps = {
  projectName: string;
  title: string;
  /** Controls on the right of the top bar (environment selector, primary action). */
  actions: ReactNode;
  /** True once the page has its data; marks the root for the end-to-end tests. */
  ready: boolean;
  children: ReactNode;
};

/** Sidebar on the left; top bar and page content on the right. */
export function AppLayout({ projectName, title, actions, ready, children }: AppLayoutProps) {
  return (
    <div className="app-layout" data-testid={ready ? "app-ready" : "app-loading"}>
      <Sidebar projectName={projectName} />
      <div className="app-content">
        <TopBar title={title} actions={actions} />
        <main className="app-main">{children}</main>
      </div>
    </div>
  );
}
