package io.alter8.query.user;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.UUID;

interface UserDirectoryRepository extends JpaRepository<UserDirectoryEntry, UUID>,
        JpaSpecificationExecutor<UserDirectoryEntry> {
}
