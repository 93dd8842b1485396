package org.itsm.catalog.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.catalog.domain.CatalogItem;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogItemRepository implements PanacheRepositoryBase<CatalogItem, UUID> {
}
