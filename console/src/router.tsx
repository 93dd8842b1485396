import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
} from "@tanstack/react-router";
import { useAuth } from "./auth/auth";
import { Layout, NotFound } from "./components/Layout";
import { IncidentScreen } from "./screens/Incident";
import { MyIncidentsScreen, MyRequestsScreen } from "./screens/My";
import { NewIncidentScreen } from "./screens/NewIncident";
import { ProblemScreen, type ProblemSearch, ProblemsScreen } from "./screens/Problems";
import { QUEUE_VIEWS, QueueScreen, type QueueSearch } from "./screens/Queue";
import { ApprovalsScreen, RequestScreen, TasksScreen } from "./screens/Requests";
import { TemplatesScreen } from "./screens/Templates";

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

function Home() {
  const { session } = useAuth();
  if (session?.isAgent) return <Navigate to="/queue" search={{ view: "mine" }} replace />;
  if (session?.isProblemStaff) return <Navigate to="/problems" search={{ view: "all" }} replace />;
  return <Navigate to="/my/incidents" replace />;
}

const page = (value: unknown) =>
  Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : undefined;
const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

const routes = [
  createRoute({ getParentRoute: () => rootRoute, path: "/", component: Home }),
  createRoute({ getParentRoute: () => rootRoute, path: "/auth/callback", component: Home }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: "/queue",
    validateSearch: (search: Record<string, unknown>): QueueSearch => ({
      view: QUEUE_VIEWS.includes(search.view as QueueSearch["view"])
        ? (search.view as QueueSearch["view"])
        : "mine",
      state: str(search.state),
      priority: str(search.priority),
      q: str(search.q),
      sort: str(search.sort),
      assignee: str(search.assignee),
      page: page(search.page),
    }),
    component: QueueScreen,
  }),
  createRoute({ getParentRoute: () => rootRoute, path: "/incidents/new", component: NewIncidentScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/incidents/$id", component: IncidentScreen }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: "/problems",
    validateSearch: (search: Record<string, unknown>): ProblemSearch => ({
      view: search.view === "knownErrors" ? "knownErrors" : "all",
      state: str(search.state),
      priority: str(search.priority),
      q: str(search.q),
      page: page(search.page),
    }),
    component: ProblemsScreen,
  }),
  createRoute({ getParentRoute: () => rootRoute, path: "/problems/$id", component: ProblemScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/approvals", component: ApprovalsScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/tasks", component: TasksScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/templates", component: TemplatesScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/requests/$id", component: RequestScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/my/incidents", component: MyIncidentsScreen }),
  createRoute({ getParentRoute: () => rootRoute, path: "/my/requests", component: MyRequestsScreen }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: "/catalog",
    // the JSON-Schema form renderer and its validator load only with the catalogue
    component: lazyRouteComponent(() => import("./screens/Catalog"), "CatalogScreen"),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: "/catalog/$itemId",
    component: lazyRouteComponent(() => import("./screens/Catalog"), "CatalogItemScreen"),
  }),
];

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree: rootRoute.addChildren(routes), context: { queryClient } });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
