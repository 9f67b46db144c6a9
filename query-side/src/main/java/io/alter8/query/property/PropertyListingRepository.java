package io.alter8.query.property;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.UUID;

interface PropertyListingRepository extends JpaRepository<PropertyListing, UUID>,
        JpaSpecificationExecutor<PropertyListing> {
}
