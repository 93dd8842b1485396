import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { must, newIdempotencyKey } from "../api/client";
import { useSession } from "../auth/auth";
import { ErrorBox } from "../components/common";
import { useApi } from "../context";
import type { Level } from "../lib/priority";
import { LevelPicker, PriorityPreview, TextField } from "./Incident";

export function NewIncidentScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [shortDescription, setShortDescription] = useState("");
  const [description, setDescription] = useState("");
  const [impact, setImpact] = useState<Level>(3);
  const [urgency, setUrgency] = useState<Level>(3);
  const [serviceId, setServiceId] = useState("");
  const [offeringId, setOfferingId] = useState("");
  // One key per filled-in form: a double click or a retry of the same submission makes one incident.
  const idempotencyKey = useRef(newIdempotencyKey());
  const serviceField = useId();
  const offeringField = useId();

  const services = useQuery({
    queryKey: ["catalog", "services"],
    queryFn: async () =>
      must(await api.GET("/api/v1/catalog/services", { params: { query: { size: "100" } } })),
  });
  const offerings = useQuery({
    queryKey: ["catalog", "offerings", serviceId],
    enabled: serviceId !== "",
    queryFn: async () =>
      must(await api.GET("/api/v1/catalog/services/{id}/offerings", { params: { path: { id: serviceId } } })),
  });
  const create = useMutation({
    mutationFn: async () =>
      must(
        await api.POST("/api/v1/incidents", {
          headers: { "Idempotency-Key": idempotencyKey.current },
          body: {
            shortDescription,
            description: description || undefined,
            impact,
            urgency,
            serviceId: serviceId || undefined,
            offeringId: offeringId || undefined,
          },
        }),
      ),
    onSuccess: (incident) => void navigate({ to: "/incidents/$id", params: { id: incident.id ?? "" } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!create.isPending) create.mutate();
  };
  const offeringList = Array.isArray(offerings.data) ? offerings.data : [];

  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">{session.isAgent ? t("newIncident.title") : t("newIncident.raiseTitle")}</h1>
      <form className="form card narrow" onSubmit={submit} data-testid="new-incident">
        <TextField
          label={t("incident.field.shortDescription")}
          name="shortDescription"
          value={shortDescription}
          onChange={setShortDescription}
          required
          maxLength={160}
        />
        <TextField
          label={t("incident.field.description")}
          name="description"
          value={description}
          onChange={setDescription}
          multiline
          maxLength={4000}
        />
        <div className="field">
          <label htmlFor={serviceField}>{t("newIncident.service")}</label>
          <select
            id={serviceField}
            name="service"
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.target.value);
              setOfferingId("");
            }}
          >
            <option value="">{t("newIncident.none")}</option>
            {(services.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={offeringField}>{t("newIncident.offering")}</label>
          <select
            id={offeringField}
            name="offering"
            value={offeringId}
            disabled={!serviceId}
            onChange={(e) => setOfferingId(e.target.value)}
          >
            <option value="">{t("newIncident.none")}</option>
            {offeringList.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <LevelPicker kind="impact" value={impact} onChange={setImpact} />
        <LevelPicker kind="urgency" value={urgency} onChange={setUrgency} />
        <PriorityPreview impact={impact} urgency={urgency} />
        <ErrorBox error={services.error ?? create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t("newIncident.submitting") : t("newIncident.submit")}
        </button>
      </form>
    </section>
  );
}
