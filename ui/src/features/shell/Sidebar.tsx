type SidebarProps = { projectName: string };

/** Project name, then the Agent Settings pages (only Secrets for now). */
export function Sidebar({ projectName }: SidebarProps) {
  return (
    <aside className="sidebar">
      <div className="sidebar-project" title={projectName}>
        {projectName}
      </div>
      <nav className="sidebar-nav" aria-labelledby="sidebar-heading">
        <h2 id="sidebar-heading" className="sidebar-heading">
          Agent Settings
        </h2>
        <ul className="sidebar-list">
          <li>
            <a className="sidebar-link" href="#secrets" aria-current="page">
              Secrets
            </a>
          </li>
        </ul>
      </nav>
    </aside>
  );
}
