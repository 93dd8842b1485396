import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { must } from "../api/client";
import { useSession } from "../auth/auth";
import { ErrorBox, Loading, StateBadge } from "../components/common";
import { useApi } from "../context";
import { useFormat, useNow } from "../lib/format";
import { IncidentTable } from "./Queue";

export function MyIncidentsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const { dateTime } = useFormat();
  const now = useNow();
  const query = { caller: session.username, sort: "-updatedAt", size: "100" };
  const incidents = useQuery({
    queryKey: ["incidents", "mine", query],
    queryFn: async () => must(await api.GET("/api/v1/incidents", { params: { query } })),
  });
  return (
    <section aria-labelledby="my-incidents-title">
      <h1 id="my-incidents-title">{t("my.incidentsTitle")}</h1>
      <ErrorBox error={incidents.error} />
      {incidents.isPending ? (
        <Loading />
      ) : incidents.data?.items?.length ? (
        <IncidentTable incidents={incidents.data.items} now={now} dateTime={dateTime} />
      ) : (
        <p className="empty">{t("my.noIncidents")}</p>
      )}
    </section>
  );
}

export function MyRequestsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const { dateTime } = useFormat();
  const query = { requester: session.username, sort: "-submittedAt", size: "100" };
  const requests = useQuery({
    queryKey: ["requests", "mine", query],
    queryFn: async () => must(await api.GET("/api/v1/requests", { params: { query } })),
  });
  const items = requests.data?.items ?? [];
  return (
    <section aria-labelledby="my-requests-title">
      <h1 id="my-requests-title">{t("my.requestsTitle")}</h1>
      <ErrorBox error={requests.error} />
      {requests.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t("my.noRequests")}</p>
      ) : (
        <table className="list" data-testid="request-table">
          <thead>
            <tr>
              <th scope="col">{t("my.col.number")}</th>
              <th scope="col">{t("my.col.item")}</th>
              <th scope="col">{t("my.col.state")}</th>
              <th scope="col">{t("my.col.submitted")}</th>
              <th scope="col">{t("my.col.due")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-number={r.number}>
                <td>
                  <Link to="/requests/$id" params={{ id: r.id ?? "" }}>
                    {r.number}
                  </Link>
                </td>
                <td>{r.itemName}</td>
                <td>
                  <StateBadge state={r.state} kind="requestState" />
                </td>
                <td>{dateTime(r.submittedAt)}</td>
                <td>{dateTime(r.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
