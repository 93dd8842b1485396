package org.itsm.change.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeTemplate;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ChangeTemplateRepository implements PanacheRepositoryBase<ChangeTemplate, UUID> {
}
