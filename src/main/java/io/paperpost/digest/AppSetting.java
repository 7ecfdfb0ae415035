package io.paperpost.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator switch shared by all instances; see V63__app_setting.sql. */
@Entity
@Table(name = "app_setting")
public class AppSetting extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "setting_value")
    public String value;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
