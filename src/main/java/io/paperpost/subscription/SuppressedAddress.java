package io.paperpost.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An erased reader's address, kept only as a keyed hash so nothing is ever sent to it again. */
@Entity
@Table(name = "suppressed_address")
public class SuppressedAddress extends PanacheEntityBase {

    @Id
    @Column(name = "address_hash")
    public String addressHash;

    @Column(name = "suppressed_at")
    public Instant suppressedAt;
}
