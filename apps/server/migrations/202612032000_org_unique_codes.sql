-- Administrative division codes identify a city and a district (GB/T 2260), so each is unique.
create unique index cities_admin_code_key on cities (admin_code);
create unique index districts_city_id_admin_code_key on districts (city_id, admin_code);
