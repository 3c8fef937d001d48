import { AboutButton } from "../about/AboutButton";
import { ProjectSwitcher } from "../projects/ProjectSwitcher";
import { useNavigation, type Page } from "./navigation";

type SidebarProps = { projectName: string };

const PAGES: readonly (readonly [Page, string])[] = [
  ["secrets", "Secrets"],
  ["environments", "Environments"],
  ["steps", "Steps"],
  ["variables", "Variables"],
];

/** Project name, then the Agent Settings pages. */
export function Sidebar({ projectName }: SidebarProps) {
  const { page, navigate } = useNavigation();
  return (
    <aside className="sidebar">
      <ProjectSwitcher fallbackName={projectName} />
      <nav className="sidebar-nav" aria-labelledby="sidebar-heading">
        <h2 id="sidebar-heading" className="sidebar-heading">
          Agent Settings
        </h2>
        <ul className="sidebar-list">
          {PAGES.map(([target, label]) => (
            <li key={target}>
              <a
                className="sidebar-link"
                href={`#${target}`}
                aria-current={page === target ? "page" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(target);
                }}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <AboutButton />
    </aside>
  );
}
