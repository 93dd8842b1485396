import Form from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import Ajv2020 from "ajv/dist/2020";
import localizeEn from "ajv-i18n/localize/en";
import localizeKo from "ajv-i18n/localize/ko";
import i18next from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { must, newIdempotencyKey } from "../api/client";
import { ErrorBox, Loading } from "../components/common";
import { useApi } from "../context";
import { fieldErrorMessage } from "../lib/fieldErrors";
import { toErrorTree } from "../lib/formErrors";
import { ApiError, type FieldError } from "../lib/problem";

// Item forms are JSON Schema draft 2020-12 (catalog-service's contract); the form's own checks speak the
// user's language.
const validator = customizeValidator({ AjvClass: Ajv2020 }, (errors) =>
  i18next.language === "ko" ? localizeKo(errors) : localizeEn(errors),
);

export function CatalogScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const items = useQuery({
    queryKey: ["catalog", "items"],
    queryFn: async () =>
      must(await api.GET("/api/v1/catalog/items", { params: { query: { published: "true", size: "100" } } })),
  });
  const list = items.data?.items ?? [];
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t("catalog.title")}</h1>
      <ErrorBox error={items.error} />
      {items.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="empty">{t("catalog.empty")}</p>
      ) : (
        <ul className="cards" data-testid="catalog-items">
          {list.map((item) => (
            <li key={item.id} className="card">
              <h2>{item.name}</h2>
              {item.category && <p className="meta">{item.category}</p>}
              {item.description && <p>{item.description}</p>}
              {item.expectedDeliveryHours != null && (
                <p className="meta">{t("catalog.delivery", { count: item.expectedDeliveryHours })}</p>
              )}
              <Link to="/catalog/$itemId" params={{ itemId: item.id ?? "" }} className="button">
                {t("catalog.request")}
                <span className="visually-hidden">: {item.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CatalogItemScreen() {
  const { itemId } = useParams({ from: "/catalog/$itemId" });
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  // the server's field errors, kept as sent so they are shown again in the language just chosen
  const [serverErrors, setServerErrors] = useState<FieldError[] | undefined>(undefined);
  const idempotencyKey = useRef(newIdempotencyKey());
  const form = useRef<Form>(null);
  const [attempted, setAttempted] = useState(false);
  // errors already shown are shown again in the language just chosen
  useEffect(() => {
    if (attempted && i18n.language) form.current?.validateForm();
  }, [attempted, i18n.language]);
  const item = useQuery({
    queryKey: ["catalog", "item", itemId],
    queryFn: async () =>
      must(await api.GET("/api/v1/catalog/items/{id}", { params: { path: { id: itemId } } })),
  });
  const submit = useMutation({
    mutationFn: async (fields: Record<string, unknown>) =>
      must(
        await api.POST("/api/v1/requests", {
          headers: { "Idempotency-Key": idempotencyKey.current },
          body: { itemId, fields: fields as never },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["requests"] });
      void navigate({ to: "/my/requests" });
    },
    onError: (error) => {
      if (error instanceof ApiError && Array.isArray(error.problem.errors)) {
        setServerErrors(error.problem.errors);
      }
    },
  });
  if (item.isPending) return <Loading />;
  if (item.error) return <ErrorBox error={item.error} />;
  const schema = { ...(item.data.form as unknown as RJSFSchema) };
  delete schema.$schema;
  return (
    <section aria-labelledby="item-title">
      <p>
        <Link to="/catalog">← {t("catalog.back")}</Link>
      </p>
      <h1 id="item-title">{t("catalog.formTitle", { name: item.data.name })}</h1>
      {item.data.description && <p>{item.data.description}</p>}
      <div className="card narrow" data-testid="request-form">
        <Form
          ref={form}
          schema={schema}
          validator={validator}
          formData={formData}
          noHtml5Validate
          showErrorList={false}
          extraErrors={serverErrors && (toErrorTree(serverErrors, (e) => fieldErrorMessage(e, t)) as never)}
          onChange={(e) => setFormData(e.formData as Record<string, unknown>)}
          onError={() => setAttempted(true)}
          onSubmit={(e) => {
            setServerErrors(undefined);
            submit.mutate(e.formData as Record<string, unknown>);
          }}
        >
          <ErrorBox error={submit.error} />
          <button type="submit" className="primary" disabled={submit.isPending}>
            {t("catalog.submit")}
          </button>
        </Form>
      </div>
    </section>
  );
}
